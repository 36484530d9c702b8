package id.berkasdesa.document;

import id.berkasdesa.files.FileType;

/** One attached file of a document, as stored: the untouched original. */
public record SourceInfo(String sha256, FileType type, long size, String fileName, int pages) {
}
