package org.reciprocity.testsupport.matrix;

import java.util.Set;

import org.reciprocity.testsupport.ApiClient;

/**
 * What the access policy says a persona gets from an operation: refused at the door with one of the
 * kit's codes, or let in. Let in is any answer but those refusals and a server error: the matrix
 * sends minimal bodies, so a 400, 404, 409, 422 or a domain refusal with its own code is fine.
 */
enum Expected {
    NOT_SIGNED_IN(401, "not-signed-in"),
    SIGNED_IN_ELSEWHERE(403, "signed-in-elsewhere"),
    NOT_PERMITTED(403, "not-permitted"),
    LET_IN(0, null);

    private static final Set<String> POLICY_CODES = Set.of("not-signed-in", "signed-in-elsewhere", "not-permitted");

    private final int status;
    private final String code;

    Expected(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** The policy's answer, in the order the kit applies it: sign-in, timebank, rule. */
    static Expected of(Operation operation, Persona persona) {
        if (operation.allowed().contains(Relation.ANYONE)) {
            return LET_IN;
        }
        if (!persona.signedIn()) {
            return NOT_SIGNED_IN;
        }
        if (persona.elsewhere() && operation.namesTimebank()) {
            return SIGNED_IN_ELSEWHERE;
        }
        return operation.allows(persona.relations()) ? LET_IN : NOT_PERMITTED;
    }

    /** Whether the answer is a refusal by the policy (as opposed to the service's own answer). */
    static boolean refusedByPolicy(ApiClient.Response response) {
        return response.status() == 401 || response.status() == 403 && POLICY_CODES.contains(response.code());
    }

    /** Null when the answer agrees with the policy, else what disagrees. */
    String disagreement(ApiClient.Response response) {
        if (this == LET_IN) {
            if (refusedByPolicy(response)) {
                return "expected to be let in, got " + describe(response);
            }
            return response.status() >= 500 ? "let in, but the service failed: " + describe(response) : null;
        }
        if (response.status() == status && code.equals(response.code())) {
            return null;
        }
        return "expected " + status + " " + code + ", got " + describe(response);
    }

    static String describe(ApiClient.Response response) {
        String code = response.code();
        return response.status() + (code == null || code.isEmpty() ? "" : " " + code);
    }

    @Override
    public String toString() {
        return this == LET_IN ? "let in" : status + " " + code;
    }
}
