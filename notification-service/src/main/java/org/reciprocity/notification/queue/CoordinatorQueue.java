package org.reciprocity.notification.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.queue.OpenContribution.State;

/**
 * What waits for one coordinator today: open disputes, and contributions nobody has validated for
 * longer than the configured time (all of them when it is zero), oldest first. A coordinator's own
 * contributions are left out: they may not decide on them.
 */
public record CoordinatorQueue(List<OpenContribution> disputes, List<OpenContribution> waiting) {

    public static CoordinatorQueue of(List<OpenContribution> contributions, String coordinatorId, Instant now,
            Duration waitingLongerThan) {
        Instant loggedBefore = now.minus(waitingLongerThan);
        List<OpenContribution> disputes = contributions.stream()
                .filter(c -> c.state() == State.DISPUTED && !c.involves(coordinatorId))
                .sorted(Comparator.comparing(OpenContribution::disputedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        List<OpenContribution> waiting = contributions.stream()
                .filter(c -> c.state() == State.WAITING && !c.involves(coordinatorId))
                .filter(c -> waitingLongerThan.isZero() || !c.loggedAt().isAfter(loggedBefore))
                .sorted(Comparator.comparing(OpenContribution::loggedAt))
                .toList();
        return new CoordinatorQueue(disputes, waiting);
    }

    public boolean isEmpty() {
        return disputes.isEmpty() && waiting.isEmpty();
    }

    /** The facts of the digest message: the counts, then up to {@code maxItems} lines, disputes first. */
    public Map<String, String> digestParams(int maxItems) {
        Map<String, String> params = Notices.params(Notices.WAITING, waiting.size(), Notices.DISPUTES, disputes.size());
        List<String> lines = new ArrayList<>();
        disputes.forEach(c -> lines.add(line("DISPUTE", c, c.disputedAt() != null ? c.disputedAt() : c.loggedAt())));
        waiting.forEach(c -> lines.add(line("WAITING", c, c.loggedAt())));
        for (int i = 0; i < Math.min(maxItems, lines.size()); i++) {
            params.put(Notices.ITEM + i, lines.get(i));
        }
        if (lines.size() > maxItems) {
            params.put(Notices.MORE, Integer.toString(lines.size() - maxItems));
        }
        return params;
    }

    private static String line(String type, OpenContribution c, Instant since) {
        return String.join("|", type, c.giverId(), c.receiverId(), Long.toString(c.minutes()),
                since == null ? "" : since.toString());
    }
}
