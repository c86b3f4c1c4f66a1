package org.reciprocity.ledger.timebank;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.SafeId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/timebanks")
class TimebankController {

    private final Timebanks timebanks;

    TimebankController(Timebanks timebanks) {
        this.timebanks = timebanks;
    }

    /** Opens a timebank. An admin opens the timebank their sign-in is for. */
    @Access("OPEN_TIMEBANK")
    @PostMapping
    ResponseEntity<TimebankResponse> open(@Valid @RequestBody OpenTimebankRequest request) {
        Caller caller = Caller.current();
        if (!caller.belongsTo(request.id())) {
            throw ApiException.of(Problems.SIGNED_IN_ELSEWHERE);
        }
        Timebank opened = timebanks.open(request.id(), request.name(), request.zoneId(), caller.memberId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(opened.id()).toUri()).body(TimebankResponse.of(opened));
    }

    @Access("READ_TIMEBANK")
    @GetMapping("/{timebankId}")
    TimebankResponse get(@PathVariable String timebankId) {
        return TimebankResponse.of(timebanks.require(timebankId));
    }

    record OpenTimebankRequest(
            @NotBlank @Size(min = 3, max = 40) @SafeId String id,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 64) String zoneId) {
    }

    record TimebankResponse(String id, String name, String zoneId, Instant openedAt) {
        static TimebankResponse of(Timebank t) {
            return new TimebankResponse(t.id(), t.name(), t.zone().getId(), t.openedAt());
        }
    }

}
