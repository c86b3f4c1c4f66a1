package org.reciprocity.portal.queue;

import java.time.Instant;

/**
 * One thing for a coordinator to see to: what it is in a sentence, since when, and where to do it.
 *
 * @param id     unique on the page (the listing, match, contribution or member id)
 * @param what   the sentence, already in the reader's language
 * @param when   since when it waits (null when time says nothing of it, as for a balance)
 * @param href   the page that does the next step
 * @param action the words of the link to it
 */
public record QueueItem(Kind kind, String id, String what, Instant when, String href, String action) {
}
