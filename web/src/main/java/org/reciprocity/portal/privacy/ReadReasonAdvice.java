package org.reciprocity.portal.privacy;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A coordinator's page about a member shows why they are looking (issue 18), in the reader's words,
 * or asks them to say; {@code readReason} is null until they chose one this session.
 */
@ControllerAdvice(basePackages = "org.reciprocity.portal.members")
class ReadReasonAdvice {

    /** The reason's words: {@code looked.reason.SUPPORT_REQUEST}… */
    private static final String REASON = "looked.reason.";

    private final MessageSource messages;

    ReadReasonAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("readReason")
    String readReason() {
        return ReadReasonChoice.current()
                .map(reason -> messages.getMessage(REASON + reason, null, LocaleContextHolder.getLocale()))
                .orElse(null);
    }
}
