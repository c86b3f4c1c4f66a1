package org.reciprocity.review.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reciprocity.review.api.CsvTable;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.ContributionFact;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.MemberFact;
import org.reciprocity.review.facts.PostingFact;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * Writes a whole timebank as a ZIP of CSV tables another time-bank tool can import: members,
 * accounts, contributions, transfers, listings and matches, one file each, joined by their ids.
 * Written by Commons CSV (RFC 4180, UTF-8, a header line), a text cell a spreadsheet would take for
 * a formula neutralised as in the review's own CSV ({@link CsvTable}). What is in it is what the
 * ledger already shows an admin: ids, kinds, minutes, dates and names; never a description, a
 * note, a reason written by someone, an e-mail address (review-service is not told them) or an
 * address.
 *
 * <p>The review's facts are read only through {@code FactStore}, one kind at a time, a timebank's
 * documents being one {@code _id} prefix.
 */
final class ExportWriter {

    /** Every so many rows the progress is written (and the job's heartbeat with it). */
    static final int REPORT_EVERY = 500;

    /** Told the progress; answers false when the job is no longer this maker's (reported failed): stop. */
    interface Progress {
        boolean report(List<ExportJob.FileProgress> files);
    }

    /** The job was taken from this maker (reported failed meanwhile): what was written is thrown away. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the job is no longer ours to make");
        }
    }

    private final ReviewFacts facts;
    private final MatchingRecords matching;

    ExportWriter(ReviewFacts facts, MatchingRecords matching) {
        this.facts = facts;
        this.matching = matching;
    }

    /** The members the timebank's members file lists. */
    List<String> memberIds(String timebankId) {
        return facts.members().withPrefix(Keys.timebank(timebankId)).stream().map(MemberFact::memberId).toList();
    }

    /** Writes the timebank's tables to {@code zip}; returns the files' final progress. */
    List<ExportJob.FileProgress> write(String timebankId, Path zip, Progress progress) throws IOException {
        List<ExportJob.FileProgress> files = new ArrayList<>(ExportFile.nothingYet());
        String prefix = Keys.timebank(timebankId);
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
            List<MemberFact> members = facts.members().withPrefix(prefix);
            Set<String> memberIds = new HashSet<>();
            members.forEach(m -> memberIds.add(m.memberId()));
            table(out, files, progress, ExportFile.MEMBERS, members, m -> Arrays.asList(
                    m.memberId(), m.name(), text(m.kind()), text(joined(m)), m.suspended()),
                    "member_id", "name", "kind", "joined_at", "suspended");

            table(out, files, progress, ExportFile.ACCOUNTS, facts.accounts().withPrefix(prefix), (AccountFact a) -> Arrays.asList(
                    a.accountId(), memberIds.contains(a.accountId()) ? "MEMBER" : "ORGANISATION", a.balance(),
                    a.sequence()),
                    "account_id", "holder", "balance_minutes", "after_ledger_sequence");
            members = null; // the members are no longer needed: the next tables may be large

            table(out, files, progress, ExportFile.CONTRIBUTIONS, facts.contributions().withPrefix(prefix),
                    ExportWriter::contribution, "contribution_id", "kind", "giver_account_id", "receiver_account_id",
                    "minutes", "happened_on", "logged_at", "group_activity_id", "state", "state_at");

            table(out, files, progress, ExportFile.TRANSFERS, facts.postings().withPrefix(prefix), (PostingFact p) -> Arrays.asList(
                    p.transferId(), text(p.at()), p.debitAccountId(), p.creditAccountId(), p.minutes(),
                    text(p.reason()), text(p.contributionId()), text(p.reversesTransferId()), p.sequence()),
                    "transfer_id", "posted_at", "debit_account_id", "credit_account_id", "minutes", "reason",
                    "contribution_id", "reverses_transfer_id", "ledger_sequence");

            table(out, files, progress, ExportFile.LISTINGS, matching.listings(timebankId), ExportWriter::listing,
                    "listing_id", "kind", "owner_id", "title", "category", "tags", "estimated_minutes", "mode",
                    "district", "needs_verified_member", "published_at", "expires_at", "state", "ended_at");

            table(out, files, progress, ExportFile.MATCHES, matching.matches(timebankId), (MatchRecord m) -> Arrays.asList(
                    m.matchId(), m.state(), text(m.giverId()), text(m.receiverId()), text(m.offerListingId()),
                    text(m.needListingId()), text(m.proposedVia()), text(m.estimatedMinutes()), text(m.proposedAt()),
                    text(m.agreedAt()), text(m.stateAt()), text(m.contributionId()), text(m.minutes())),
                    "match_id", "state", "giver_id", "receiver_id", "offer_listing_id", "need_listing_id", "proposed_via",
                    "estimated_minutes", "proposed_at", "agreed_at", "state_at", "contribution_id", "minutes_logged");
        }
        return files;
    }

    private static List<Object> contribution(ContributionFact c) {
        ContributionFact.Logged l = c.logged();
        return Arrays.asList(c.contributionId(), l == null ? "" : text(l.kind()), l == null ? "" : l.giverAccountId(),
                l == null ? "" : l.receiverAccountId(), l == null ? "" : l.minutes(), l == null ? "" : text(l.happenedOn()),
                l == null ? "" : text(l.loggedAt()), l == null ? "" : text(l.groupActivityId()), c.status().name(),
                text(c.statusAt()));
    }

    private static List<Object> listing(ListingRecord l) {
        ListingRecord.Published p = l.published();
        return Arrays.asList(l.listingId(), text(l.kind()), text(l.ownerId()), p == null ? "" : text(p.title()),
                p == null ? "" : text(p.category()), p == null ? "" : String.join(";", p.tags()),
                p == null ? "" : p.estimatedMinutes(), p == null ? "" : text(p.mode()), p == null ? "" : text(p.district()),
                p == null ? "" : p.requiresVerified(), p == null ? "" : text(p.publishedAt()),
                p == null ? "" : text(p.expiresAt()), l.state(), text(l.endedAt()));
    }

    private static Object joined(MemberFact m) {
        return m.kinds().isEmpty() ? null : m.kinds().get(0).since();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static <T> void table(ZipOutputStream zip, List<ExportJob.FileProgress> files, Progress progress,
                                  ExportFile file, List<T> rows, Function<T, List<Object>> cells, String... header)
            throws IOException {
        int at = file.ordinal();
        long total = rows.size();
        report(files, progress, at, new ExportJob.FileProgress(file.fileName(), 0, total, false));
        zip.putNextEntry(new ZipEntry(file.fileName()));
        Writer writer = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
        long written = 0;
        for (T row : rows) {
            printer.printRecord(cells.apply(row).stream().map(CsvTable::cell).toList());
            written++;
            if (written % REPORT_EVERY == 0) {
                printer.flush();
                report(files, progress, at, new ExportJob.FileProgress(file.fileName(), written, total, false));
            }
        }
        printer.close(); // flushes; the entry's stream stays open (KeepOpen)
        zip.closeEntry();
        report(files, progress, at, new ExportJob.FileProgress(file.fileName(), written, total, true));
    }

    private static void report(List<ExportJob.FileProgress> files, Progress progress, int at,
                               ExportJob.FileProgress now) {
        files.set(at, now);
        if (!progress.report(List.copyOf(files))) {
            throw new Stopped();
        }
    }

    /** The ZIP's stream under one entry's printer: closing the printer must not close the ZIP. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
