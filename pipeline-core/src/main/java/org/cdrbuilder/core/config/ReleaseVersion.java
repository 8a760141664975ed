package org.cdrbuilder.core.config;

/** A release version {@code vN}, N >= 1. */
public record ReleaseVersion(int number) implements Comparable<ReleaseVersion> {
    /** What {@code cdr build} accepts instead of a version: the version after the newest published one. */
    public static final String NEXT = "next";

    public ReleaseVersion {
        if (number < 1) {
            throw new ConfigException("release number must be >= 1: " + number);
        }
    }

    public static ReleaseVersion parse(String text) {
        if (text == null || !text.matches("v[0-9]{1,6}")) {
            throw new ConfigException("release version must look like v1, v2, ... (or next): '" + text + "'");
        }
        return new ReleaseVersion(Integer.parseInt(text.substring(1)));
    }

    @Override
    public int compareTo(ReleaseVersion o) {
        return Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return "v" + number;
    }
}
