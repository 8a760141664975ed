package org.cdrbuilder.schema;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a table's columns are for, declared in the schema changelog beside the columns themselves (attributes of
 * {@code createTable} in the {@code cdr} namespace, which Liquibase ignores): the event date, the main concept, the
 * domain, whether rows align to the table of their concept's domain, the Achilles analysis of the snapshot. Code
 * asks for roles; it keeps no list of tables of its own.
 *
 * @param roles            role name to column name ({@code date}, {@code concept}, {@code type}, ...)
 * @param domain           the OMOP domain of the main concept, or null
 * @param alignable        rows move to the table of their concept's domain
 * @param achillesAnalysis the Achilles analysis of persons by concept, or null
 */
public record TableRoles(Map<String, String> roles, String domain, boolean alignable, Integer achillesAnalysis) {
    /** The namespace of the role attributes. */
    public static final String NAMESPACE = "urn:cdr-builder:table-roles";
    static final TableRoles NONE = new TableRoles(Map.of(), null, false, null);

    /** The column of a role, if the table declares it. */
    public Optional<String> column(String role) {
        return Optional.ofNullable(roles.get(role));
    }

    /** The column of the table's event date (DATE or TIMESTAMP), or null. */
    public String eventDate() {
        return roles.get("date");
    }

    /** The roles of every table that declares some, by table name, checked against the tables' columns. */
    static Map<String, TableRoles> read(ClassLoader loader, String changelog, Map<String, TableDef> tables) {
        Map<String, TableRoles> out = new LinkedHashMap<>();
        try (InputStream in = loader.getResourceAsStream(changelog)) {
            if (in == null) {
                throw new IllegalStateException("schema changelog not found: " + changelog);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList creates = f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "createTable");
            for (int i = 0; i < creates.getLength(); i++) {
                Element e = (Element) creates.item(i);
                String table = e.getAttribute("tableName");
                String roles = e.getAttributeNS(NAMESPACE, "roles");
                String domain = e.getAttributeNS(NAMESPACE, "domain");
                String alignable = e.getAttributeNS(NAMESPACE, "alignable");
                String analysis = e.getAttributeNS(NAMESPACE, "achillesAnalysis");
                if (roles.isEmpty() && domain.isEmpty() && alignable.isEmpty() && analysis.isEmpty()) {
                    continue;
                }
                TableDef def = tables.get(table);
                Map<String, String> m = new LinkedHashMap<>();
                for (String pair : roles.trim().split("\\s+")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq <= 0 || !def.hasColumn(pair.substring(eq + 1))) {
                        throw new IllegalStateException(changelog + ": table " + table + " declares the role '" + pair
                                + "', which is not role=column of one of its columns");
                    }
                    if (m.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                        throw new IllegalStateException(changelog + ": table " + table + " declares the role "
                                + pair.substring(0, eq) + " twice");
                    }
                }
                String date = m.get("date");
                if (date != null && def.column(date).type() != ColumnType.DATE && def.column(date).type() != ColumnType.TIMESTAMP) {
                    throw new IllegalStateException(changelog + ": the event date of " + table + " (" + date
                            + ") is neither DATE nor TIMESTAMP");
                }
                out.put(table, new TableRoles(Collections.unmodifiableMap(m), domain.isEmpty() ? null : domain,
                        Boolean.parseBoolean(alignable), analysis.isEmpty() ? null : Integer.valueOf(analysis)));
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the table roles of " + changelog + ": " + e.getMessage(), e);
        }
        return out;
    }
}
