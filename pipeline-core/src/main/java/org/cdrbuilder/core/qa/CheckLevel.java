package org.cdrbuilder.core.qa;

/** What a check looks at, as in the Data Quality Dashboard: a whole table, one field, or one concept of a field. */
public enum CheckLevel {
    TABLE, FIELD, CONCEPT
}
