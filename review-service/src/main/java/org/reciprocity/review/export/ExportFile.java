package org.reciprocity.review.export;

import java.util.List;

/** The files of a download, in the order they are written, each one CSV table another time-bank tool can read. */
enum ExportFile {
    MEMBERS("members.csv"),
    ACCOUNTS("accounts.csv"),
    CONTRIBUTIONS("contributions.csv"),
    TRANSFERS("transfers.csv"),
    LISTINGS("listings.csv"),
    MATCHES("matches.csv");

    private final String fileName;

    ExportFile(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    static List<ExportJob.FileProgress> nothingYet() {
        return java.util.Arrays.stream(values()).map(f -> new ExportJob.FileProgress(f.fileName, 0, null, false)).toList();
    }
}
