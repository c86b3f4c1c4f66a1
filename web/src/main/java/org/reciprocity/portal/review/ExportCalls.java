package org.reciprocity.portal.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * review-service's downloads of a whole timebank (issue 17), as the signed-in admin (their token,
 * their language), like {@link ReviewCalls}. The ZIP is passed on as it comes, never held whole.
 */
@Component
class ExportCalls {

    private static final String EXPORTS = "/api/v1/timebanks/{timebankId}/review/exports";
    private final RestClient review;

    /** A download as review-service tells it: its state and, per file, rows written out of rows there are. */
    public record Export(String id, String state, Instant requestedAt, Instant startedAt, Instant finishedAt,
                  List<FileProgress> files, long rowsWritten, Long rowsTotal, String failure, Long bytes,
                  String download) {

        public Export {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public boolean working() {
            return "QUEUED".equals(state) || "RUNNING".equals(state);
        }

        public boolean ready() {
            return "READY".equals(state);
        }

        public boolean failed() {
            return "FAILED".equals(state);
        }

        /** Whole percent of the rows written, when every file's rows are known. */
        public Integer percent() {
            if (rowsTotal == null) {
                return null;
            }
            return rowsTotal == 0 ? 100 : (int) (rowsWritten * 100 / rowsTotal);
        }
    }

    /**
     * One file's progress. {@code total} is null until the file is started.
     */
    public record FileProgress(String name, long written, Long total, boolean done) {

        /** {@code members.csv} → {@code members}: the key of its words ({@code export.file.members}). */
        public String table() {
            return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        }
    }

    ExportCalls(@Value("${reciprocity.review-url}") String reviewUrl, OAuth2AuthorizedClientManager clients) {
        this.review = Services.asThePerson(reviewUrl, clients);
    }

    Export start(String tb) {
        return review.post().uri(EXPORTS, tb).retrieve().body(Export.class);
    }

    List<Export> recent(String tb) {
        return review.get().uri(EXPORTS, tb).retrieve().body(new ParameterizedTypeReference<List<Export>>() { });
    }

    Export export(String tb, String id) {
        return review.get().uri(EXPORTS + "/{id}", tb, id).retrieve().body(Export.class);
    }

    /**
     * The ZIP, copied as it arrives to the stream {@code open} gives once it is told review-service's
     * headers (so the page's own are set before the first byte, and not at all on a refusal).
     */
    void zip(String tb, String id, Function<HttpHeaders, OutputStream> open) {
        review.get().uri(EXPORTS + "/{id}/zip", tb, id).accept(MediaType.parseMediaType("application/zip"))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw ServiceRefusal.read(response.getStatusCode().value(), bytes(response.getBody()));
                    }
                    OutputStream out = open.apply(response.getHeaders());
                    try (InputStream in = response.getBody()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
    }

    private static byte[] bytes(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
