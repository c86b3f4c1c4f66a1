package org.reciprocity.review.export;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17: an admin downloads the whole timebank as a ZIP of CSV tables, made in the background.
 * {@code POST} starts one (202 and where to follow it), {@code GET …/{id}} tells how far it is, file
 * by file, {@code GET …/{id}/zip} gives the file when it is ready.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/review/exports")
class ExportController {

    private final ExportRunner runner;

    ExportController(ExportRunner runner) {
        this.runner = runner;
    }

    /** How far a download is, as the API shows it. {@code rowsTotal} is null until every file has been started. */
    record ExportView(String id, ExportJob.State state, Instant requestedAt, Instant startedAt, Instant finishedAt,
                      List<ExportJob.FileProgress> files, long rowsWritten, Long rowsTotal, String failure, Long bytes,
                      String download) {

        static ExportView of(ExportJob job) {
            boolean allKnown = job.files().stream().allMatch(f -> f.total() != null);
            Long total = allKnown ? job.files().stream().mapToLong(ExportJob.FileProgress::total).sum() : null;
            return new ExportView(job.id(), job.state(), job.requestedAt(), job.startedAt(), job.finishedAt(),
                    job.files(), job.rowsWritten(), total, job.failure(), job.bytes(),
                    job.state() == ExportJob.State.READY ? path(job) + "/zip" : null);
        }
    }

    @Operation(summary = "Start a download of the whole timebank (members, accounts, contributions, transfers, "
            + "listings, matches as CSV in a ZIP), made in the background; while one is being made, that one")
    @PostMapping
    @Access("EXPORT_TIMEBANK")
    ResponseEntity<ExportView> start(@PathVariable String timebankId) {
        ExportJob job = runner.start(timebankId, Caller.current().memberId());
        return ResponseEntity.accepted().location(URI.create(path(job))).body(ExportView.of(job));
    }

    @Operation(summary = "The timebank's downloads still kept, newest first")
    @GetMapping
    @Access("EXPORT_TIMEBANK")
    List<ExportView> recent(@PathVariable String timebankId) {
        return runner.jobs().recent(timebankId, 10).stream().map(ExportView::of).toList();
    }

    @Operation(summary = "How far a download is: its state and, per file, rows written out of rows there are")
    @GetMapping("/{exportId}")
    @Access("EXPORT_TIMEBANK")
    ExportView progress(@PathVariable String timebankId, @PathVariable String exportId) {
        return ExportView.of(job(timebankId, exportId));
    }

    @Operation(summary = "The download, a ZIP of CSV files, when it is ready")
    @GetMapping(path = "/{exportId}/zip", produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Access("EXPORT_TIMEBANK")
    ResponseEntity<Resource> zip(@PathVariable String timebankId, @PathVariable String exportId) {
        ExportJob job = job(timebankId, exportId);
        if (job.state() == ExportJob.State.FAILED) {
            throw ApiException.of(ExportRefusal.EXPORT_FAILED);
        }
        if (job.state() != ExportJob.State.READY) {
            throw ApiException.of(ExportRefusal.EXPORT_NOT_READY);
        }
        Path file = runner.file(job);
        if (!Files.isRegularFile(file)) {
            throw notFound(); // removed by another instance's sweep a moment ago
        }
        // the ZIP names and counts every member: the download is a look at each of them (who looked,
        // issue 18), kept in one write when it is fetched rather than when it is made
        ReadLog.alsoRead(runner.memberIds(timebankId));
        String name = "timebank-" + timebankId + "-" + job.finishedAt().atZone(ZoneOffset.UTC).toLocalDate() + ".zip";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    private ExportJob job(String timebankId, String exportId) {
        return runner.jobs().find(timebankId, exportId).orElseThrow(this::notFound);
    }

    private ApiException notFound() {
        return ApiException.of(ExportRefusal.NOT_AN_EXPORT, "keep", runner.keep().toHours());
    }

    private static String path(ExportJob job) {
        return "/api/v1/timebanks/" + job.timebankId() + "/review/exports/" + job.id();
    }
}
