package org.reciprocity.ledger.timebank;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.ledger.book.Minutes;
import org.reciprocity.ledger.book.Policy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A timebank's rules: time zone, validation window and reminders, limits and warnings, kinds. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/policy")
class PolicyController {

    private final Timebanks timebanks;

    PolicyController(Timebanks timebanks) {
        this.timebanks = timebanks;
    }

    @Access("READ_POLICY")
    @GetMapping
    PolicyBody get(@PathVariable String timebankId) {
        return PolicyBody.of(timebanks.policy(timebankId));
    }

    @Access("SET_POLICY")
    @PutMapping
    PolicyBody set(@PathVariable String timebankId, @Valid @RequestBody PolicyBody body) {
        return PolicyBody.of(timebanks.setPolicy(timebankId, body.toPolicy()));
    }

    /** Limits are in minutes (-600 is -10 h); reminders in hours before the deadline. */
    record PolicyBody(@NotBlank @Size(max = 64) String zoneId, @Min(1) @Max(90) int validationWindowDays,
                      @NotNull @Size(max = 10) List<@NotNull @Min(1) @Max(90 * 24) Long> reminderHoursBeforeDeadline,
                      long memberMinimumMinutes,
                      long memberMaximumMinutes, long organisationMinimumMinutes, long organisationMaximumMinutes,
                      @Min(0) long warningMarginMinutes, boolean logOnBehalfAllowed, Set<CoproductionKind> kinds) {

        static PolicyBody of(Policy p) {
            return new PolicyBody(p.zone().getId(), (int) p.validationWindow().toDays(),
                    p.reminders().stream().map(Duration::toHours).toList(), p.memberMinimum().value(),
                    p.memberMaximum().value(), p.organisationMinimum().value(), p.organisationMaximum().value(),
                    p.warningMargin().value(), p.logOnBehalfAllowed(), p.kinds());
        }

        Policy toPolicy() {
            ZoneId zone;
            try {
                zone = ZoneId.of(zoneId);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("'" + zoneId + "' is not a time zone; use a name like Europe/London.");
            }
            return new Policy(zone, Duration.ofDays(validationWindowDays),
                    reminderHoursBeforeDeadline.stream().map(Duration::ofHours).toList(), Minutes.of(memberMinimumMinutes),
                    Minutes.of(memberMaximumMinutes), Minutes.of(organisationMinimumMinutes),
                    Minutes.of(organisationMaximumMinutes), Minutes.of(warningMarginMinutes), logOnBehalfAllowed, kinds);
        }
    }
}
