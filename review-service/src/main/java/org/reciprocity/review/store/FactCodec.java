package org.reciprocity.review.store;

import org.bson.Document;
import org.reciprocity.review.facts.Fact;

/** How one kind of fact is written as a document and read back, exactly (instants as ISO text, to the nanosecond). */
interface FactCodec<F extends Fact<F>> {

    Document write(F fact);

    F read(Document document);
}
