package org.cdrbuilder.steps.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups many small input files (one survey response or one Fitbit day per file) into work units of bounded size,
 * by position in the sorted file list, so that a million files make a few hundred units rather than a million.
 */
public final class FileShards {
    /** A contiguous range {@code [from, to)} of a sorted file list. */
    public record Shard(int from, int to) {
    }

    private FileShards() {
    }

    public static List<Shard> plan(List<Path> sortedFiles, int maxFiles, long maxBytes) {
        List<Shard> out = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < sortedFiles.size(); i++) {
            long size = size(sortedFiles.get(i));
            if (i > start && (i - start >= maxFiles || bytes + size > maxBytes)) {
                out.add(new Shard(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (start < sortedFiles.size()) {
            out.add(new Shard(start, sortedFiles.size()));
        }
        return out;
    }

    static long size(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    return s.mapToLong(FileShards::size).sum();
                }
            }
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + p, e);
        }
    }
}
