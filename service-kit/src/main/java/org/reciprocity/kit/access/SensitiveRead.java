package org.reciprocity.kit.access;

import java.time.Instant;

/**
 * One look at a member's sensitive data by someone who is not the member nor their supporter: who
 * ({@code readerId}, as which {@code readerRole}), whose ({@code memberId}), what (the access rule's
 * name, e.g. {@code READ_STATEMENT}), why (the reason the reader gave) and when.
 */
public record SensitiveRead(String readerId, Relation readerRole, String memberId, String what, ReadReason why,
                            Instant at) {
}
