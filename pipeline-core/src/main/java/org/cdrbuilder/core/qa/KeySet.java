package org.cdrbuilder.core.qa;

/** The values of a table's key column, collected from that table's scan, for foreign-key checks. */
public interface KeySet {
    boolean contains(long key);

    long size();
}
