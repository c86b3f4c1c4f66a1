package org.reciprocity.notification.inbox;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The signed-in member's own inbox in this timebank: nobody reads another member's inbox. */
@RestController
@Validated
@RequestMapping("/api/v1/timebanks/{timebankId}/inbox")
class InboxController {

    private final Inbox inbox;
    private final InboxViews views;
    private final LiveStream live;

    InboxController(Inbox inbox, InboxViews views, LiveStream live) {
        this.inbox = inbox;
        this.views = views;
        this.live = live;
    }

    /** Newest first, in the member's language, times in the timebank's zone. */
    @GetMapping
    @Access("READ_OWN_INBOX")
    InboxPage list(@PathVariable String timebankId, @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        String me = Caller.current().memberId();
        List<InboxItem> items = inbox.list(timebankId, me, unreadOnly, limit);
        return new InboxPage(inbox.unread(timebankId, me), views.render(timebankId, me, items));
    }

    @GetMapping("/unread-count")
    @Access("COUNT_OWN_UNREAD")
    UnreadCount unreadCount(@PathVariable String timebankId) {
        return new UnreadCount(inbox.unread(timebankId, Caller.current().memberId()));
    }

    @PostMapping("/{itemId}/read")
    @Access("MARK_OWN_INBOX_ITEM_READ")
    ResponseEntity<Void> markRead(@PathVariable String timebankId, @PathVariable String itemId) {
        if (!inbox.markRead(timebankId, Caller.current().memberId(), itemId)) {
            throw ApiException.notFound("message", itemId);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * New inbox items as they arrive (Server-Sent Events, event name {@code inbox}), until the sign-in
     * that opened the stream expires; the client then opens it again with a fresh token.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Access("FOLLOW_OWN_INBOX_LIVE")
    SseEmitter stream(@PathVariable String timebankId) {
        return live.open(timebankId, Caller.current().memberId(), signInExpiresAt());
    }

    /** When the bearer token of this request expires; null if it does not say. */
    private static Instant signInExpiresAt() {
        return SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Jwt jwt
                ? jwt.getExpiresAt() : null;
    }

    record InboxPage(long unread, List<InboxItemView> items) {
    }

    record UnreadCount(long unread) {
    }
}
