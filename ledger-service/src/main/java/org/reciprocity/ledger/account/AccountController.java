package org.reciprocity.ledger.account;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.bson.Document;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import java.util.Optional;
import org.reciprocity.ledger.book.Ledger;
import org.reciprocity.ledger.book.Decision;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.reciprocity.kit.web.IdempotencyFilter;
import org.reciprocity.kit.web.SafeId;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.LedgerEntry;
import org.reciprocity.ledger.contribution.Actors;
import org.reciprocity.ledger.contribution.ContributionResponse;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Balances, statements, spending and giving hours, corrections (the ledger's integrity: {@code checkpoint}). */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class AccountController {

    private final Bookkeeping bookkeeping;
    private final LedgerQueries queries;
    private final Timebanks timebanks;
    private final Actors actors;
    private final Corrections corrections;

    AccountController(Bookkeeping bookkeeping, LedgerQueries queries, Timebanks timebanks, Actors actors,
                      Corrections corrections) {
        this.corrections = corrections;
        this.bookkeeping = bookkeeping;
        this.queries = queries;
        this.timebanks = timebanks;
        this.actors = actors;
    }

    @Access("READ_ACCOUNT")
    @GetMapping("/accounts/{accountId}")
    AccountResponse account(@PathVariable String timebankId, @PathVariable String accountId) {
        return bookkeeping.store().account(timebankId, accountId).map(AccountResponse::of)
                .orElseThrow(() -> ApiException.notFound("account", accountId));
    }

    /** Every account of the timebank and their sum, which is always zero. */
    @Access("LIST_ACCOUNTS")
    @GetMapping("/accounts")
    AccountsResponse accounts(@PathVariable String timebankId) {
        List<AccountResponse> accounts = queries.accounts(timebankId).stream().map(AccountResponse::of).toList();
        return new AccountsResponse(accounts, accounts.stream().mapToLong(AccountResponse::balance).sum());
    }

    @Access("READ_STATEMENT")
    @GetMapping("/members/{memberId}/statement")
    List<StatementLine> statement(@PathVariable String timebankId, @PathVariable String memberId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return lines(timebankId, memberId, queries.statement(timebankId, memberId, from, to, page, size));
    }

    /** The same statement as CSV, for a spreadsheet. */
    @Access("READ_STATEMENT")
    @GetMapping(value = "/members/{memberId}/statement.csv", produces = "text/csv")
    void statementCsv(@PathVariable String timebankId, @PathVariable String memberId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                      HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        // memberId is a safe id (checked at the edge), so it cannot break out of the quoted file name
        response.setHeader("Content-Disposition", "attachment; filename=\"statement-" + memberId + ".csv\"");
        StatementCsv.write(response.getWriter(),
                lines(timebankId, memberId, queries.statement(timebankId, memberId, from, to, 0, 100_000)));
    }

    @Access("READ_PENDING_VALIDATIONS")
    @GetMapping("/members/{memberId}/pending-validations")
    List<ContributionResponse> waitingOn(@PathVariable String timebankId, @PathVariable String memberId) {
        return queries.waitingOn(timebankId, memberId).stream().map(ContributionResponse::of).toList();
    }

    /** The signed-in member spends minutes on an organisation's offer. */
    @Access("REDEEM_HOURS")
    @PostMapping("/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    StatementLine redeem(@PathVariable String timebankId, @Valid @RequestBody RedeemRequest request) {
        String member = Caller.current().memberId();
        String id = request.id() != null ? request.id() : newId();
        LedgerEntry entry = bookkeeping.run(timebankId, l -> l.redeem(timebankId, id, member, request.organisationId(),
                request.minutes(), request.offer())).orElseThrow(ApiException::new);
        return lines(timebankId, member, List.of(entry)).get(0);
    }

    /** The signed-in member gives minutes to another member or an organisation's pot. */
    @Access("GIVE_HOURS")
    @PostMapping("/gifts")
    @ResponseStatus(HttpStatus.CREATED)
    StatementLine gift(@PathVariable String timebankId, @Valid @RequestBody GiftRequest request) {
        String member = Caller.current().memberId();
        String id = request.id() != null ? request.id() : newId();
        LedgerEntry entry = bookkeeping.run(timebankId, l -> l.gift(timebankId, id, member, request.toAccountId(),
                request.minutes(), request.note())).orElseThrow(ApiException::new);
        return lines(timebankId, member, List.of(entry)).get(0);
    }

    /** A coordinator corrects a posted transfer with a reversing one that names it and says why. */
    @Access("CORRECT_TRANSFER")
    @PostMapping("/transfers/{transferId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerEntry reverse(@PathVariable String timebankId, @PathVariable String transferId,
                        @Valid @RequestBody ReverseRequest request) {
        String by = Caller.current().memberId();
        String reversalId = Ledger.reversalIdOf(transferId);
        // the words stay here, not on the topic (issue 18), written before the reversal: see Corrections
        Optional<LedgerEntry> original = bookkeeping.store().entryByTransfer(timebankId, transferId);
        if (original.isPresent() && request.reason() != null) {
            corrections.intend(timebankId, reversalId, original.get(), by, request.reason());
        }
        Decision<LedgerEntry> decided = bookkeeping.run(timebankId, l -> l.reverse(timebankId, transferId,
                actors.of(timebankId, Caller.current()), request.reason()));
        if (!decided.isAccepted()) {
            corrections.dropUnposted(timebankId, reversalId);
        }
        LedgerEntry reversal = decided.orElseThrow(ApiException::new);
        corrections.posted(reversal);
        return reversal;
    }

    /** Statement lines of one account, with the other account's name and the line in the reader's words. */
    private List<StatementLine> lines(String timebankId, String accountId, List<LedgerEntry> entries) {
        ZoneId zone = timebanks.require(timebankId).zone();
        java.util.Set<String> others = entries.stream()
                .map(e -> e.creditAccountId().equals(accountId) ? e.debitAccountId() : e.creditAccountId())
                .collect(Collectors.toSet());
        Map<String, String> names = queries.names(timebankId, others);
        java.util.Set<String> erased = queries.erased(timebankId, others);
        Locale reader = ProblemDetailsAdvice.readerLanguage();
        return entries.stream().map(e -> StatementLine.of(e, accountId, zone, names, erased, reader)).toList();
    }

    /** The id of a transfer the client named none for: one per Idempotency-Key, so a retry cannot post it twice. */
    private static String newId() {
        return IdempotencyFilter.derivedId().orElseGet(() -> UUID.randomUUID().toString());
    }

    record AccountResponse(String id, String kind, boolean active, long balance, long debitsPending, long creditsPending) {
        static AccountResponse of(org.reciprocity.ledger.book.Account a) {
            return new AccountResponse(a.id(), a.kind().name(), a.active(), a.balance(), a.debitsPending(), a.creditsPending());
        }

        static AccountResponse of(Document d) {
            return new AccountResponse(d.getString("_id"), d.getString("kind"), d.getBoolean("active", true),
                    d.getLong("balance"), d.getLong("debitsPending"), d.getLong("creditsPending"));
        }
    }

    record AccountsResponse(List<AccountResponse> accounts, long sumOfBalances) {
    }

    /**
     * One line of a member's statement, its time shown in the timebank's zone. {@code direction}
     * and the ids are for programs; {@code with} (the other account's name) and {@code description}
     * ("You gave 1 h 30 min of your time to Ali.") are for the member, in their language.
     * {@code erased} (issue 18): the other account is a member who was erased; {@code with} is then
     * null and the words say "a former member".
     */
    record StatementLine(long sequence, String postedAt, String transferId, TransferReason reason, String direction,
                         long minutes, long balanceAfter, String otherAccount, String contributionId, String with,
                         String description, boolean erased) {

        StatementLine(long sequence, String postedAt, String transferId, TransferReason reason, String direction,
                      long minutes, long balanceAfter, String otherAccount, String contributionId, String with,
                      String description) {
            this(sequence, postedAt, transferId, reason, direction, minutes, balanceAfter, otherAccount, contributionId,
                    with, description, false);
        }

        static StatementLine of(LedgerEntry e, String accountId, ZoneId zone, Map<String, String> names,
                                java.util.Set<String> erasedMembers, Locale reader) {
            boolean credit = e.creditAccountId().equals(accountId);
            String other = credit ? e.debitAccountId() : e.creditAccountId();
            boolean erased = erasedMembers.contains(other);
            String with = erased ? null : names.get(other);
            return new StatementLine(e.sequence(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.postedAt().atZone(zone)),
                    e.transferId(), e.reason(), credit ? "IN" : "OUT", e.minutes(),
                    credit ? e.creditBalanceAfter() : e.debitBalanceAfter(), other, e.contributionId(), with,
                    StatementWords.line(e.reason(), credit, e.minutes(), with, erased, reader), erased);
        }
    }

    record RedeemRequest(@SafeId String id, @NotBlank @SafeId String organisationId, @Min(1) @Max(60_000) long minutes,
                         @Size(max = 200) String offer) {
    }

    record GiftRequest(@SafeId String id, @NotBlank @SafeId String toAccountId, @Min(1) @Max(60_000) long minutes,
                       @Size(max = 500) String note) {
    }

    record ReverseRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
