package org.reciprocity.testsupport.fuzz;

/**
 * One request the fuzzer sends: its class, a few words on what is hostile about it, the encoded
 * path and query, the content type (null for none) and the raw body bytes (null for none), sent
 * with a length or, when {@code chunked}, without one.
 */
record FuzzCase(FuzzOperation operation, CaseClass kind, String what, String target, String contentType, byte[] body,
                boolean chunked) {

    @Override
    public String toString() {
        return operation + " " + kind + " (" + what + ")";
    }
}
