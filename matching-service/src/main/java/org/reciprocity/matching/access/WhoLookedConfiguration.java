package org.reciprocity.matching.access;

import org.reciprocity.kit.access.ReadsController;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Issue 18: the member's list of who looked at their matches here, under {@code LIST_READS}. */
@Configuration(proxyBeanMethods = false)
@Import(ReadsController.class)
class WhoLookedConfiguration {
}
