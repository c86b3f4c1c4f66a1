package org.reciprocity.notification.recipient;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A timebank as notifications need it: its name, its zone (times are shown in it) and its coordinators. */
@Document("timebanks")
record TimebankDocument(@Id String timebankId, String name, String zoneId, List<String> coordinators) {
}
