package org.reciprocity.portal.casework;

import static org.reciprocity.portal.services.Services.TB;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The ledger's commands a coordinator's casework needs, as the signed-in coordinator. */
@Component
public class CaseworkServices {

    private final Services services;

    CaseworkServices(Services services) {
        this.services = services;
    }

    /** A contribution as a coordinator sees it: who logged it, for whom, who decided, its transfer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(String id, String giverId, String receiverId, String loggedBy, String actorId, String onBehalfOf,
                String awaitingValidationBy, long minutes, LocalDate happenedOn, String kind, String description,
                String groupActivityId, String state, Instant loggedAt, Instant validationDeadline, String decidedBy,
                String note, String transferId, Long postedMinutes, String reversedBy,
                String reversalReason) {

        public boolean disputed() {
            return "DISPUTED".equals(state);
        }

        public boolean waiting() {
            return "LOGGED".equals(state);
        }

        /** The minutes the transfer moved (0 until posted). */
        public long postedFigure() {
            return postedMinutes == null ? 0 : postedMinutes;
        }

        public boolean posted() {
            return "VALIDATED".equals(state) && transferId != null;
        }

        /** Posted and not yet reversed: the only time the page offers to reverse it. */
        public boolean reversible() {
            return posted() && reversedBy == null;
        }

        public boolean reversed() {
            return posted() && reversedBy != null;
        }
    }

    Case contribution(String tb, String id) {
        return services.ledger().get().uri(TB + "/contributions/{id}", tb, id).retrieve().body(Case.class);
    }

    /** Settles a dispute for the contribution; {@code minutes} null keeps the logged figure. */
    void resolve(String tb, String id, Long minutes, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minutes", minutes);
        body.put("note", note);
        command(TB + "/contributions/{id}/resolution", tb, id, body);
    }

    void reject(String tb, String id, String reason) {
        command(TB + "/contributions/{id}/rejection", tb, id, Map.of("reason", reason));
    }

    /** Confirms for the member who cannot; the ledger records the coordinator as who confirmed, with the reason. */
    void confirmOnBehalf(String tb, String id, String reason) {
        command(TB + "/contributions/{id}/validation", tb, id, Map.of("note", reason));
    }

    /** A new entry going the other way, which names the transfer and says why; the transfer itself stays. */
    void reverse(String tb, String transferId, String reason) {
        services.ledger().post().uri(TB + "/transfers/{t}/reversal", tb, transferId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason)).retrieve().toBodilessEntity();
    }

    /** Records the register and confirms it in one step: the ledger logs and posts every attendance in one change. */
    List<Case> recordAndConfirm(String tb, Map<String, Object> activity) {
        return services.ledger().post().uri(TB + "/confirmed-group-activities", tb).contentType(MediaType.APPLICATION_JSON)
                .body(activity).retrieve().body(new ParameterizedTypeReference<List<Case>>() { });
    }

    private void command(String path, String tb, String id, Object body) {
        services.ledger().post().uri(path, tb, id).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity();
    }
}
