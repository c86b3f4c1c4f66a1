package org.reciprocity.review.figures;

import java.time.LocalDate;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.review.facts.PartyKind;

/**
 * A contribution behind an indicator's figure: ids, kinds and dates only (no description, no
 * note, no name), so the drill-down shows what was counted without anyone's words.
 *
 * @param postedOn the date, in the timebank's zone, of its latest entry in the period
 * @param minutes  its minutes in the period, net of reversals
 */
public record BehindFigure(String contributionId, CoproductionKind kind, LocalDate happenedOn, LocalDate postedOn,
                           long minutes, PartyKind giverKind, PartyKind receiverKind, boolean groupActivity) {
}
