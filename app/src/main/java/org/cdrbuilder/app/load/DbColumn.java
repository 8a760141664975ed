package org.cdrbuilder.app.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of a table as the database has it after the changelog created it: the values sent by COPY must match
 * these types exactly (binary format), so they are read back from the catalog rather than assumed.
 *
 * @param typeName the PostgreSQL type ({@code int4}, {@code varchar}, {@code timestamp}, ...)
 * @param maxLength characters a {@code varchar(n)}/{@code char(n)} holds, or -1
 * @param shownType the type as SQL writes it, for messages ({@code character varying(50)})
 */
record DbColumn(String name, String typeName, int maxLength, boolean notNull, String shownType) {

    /** The columns of {@code schema.table} in table order. */
    static List<DbColumn> of(Connection c, String schema, String table) throws SQLException {
        List<DbColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select a.attname, t.typname, a.atttypmod, a.attnotnull, "
                + "format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_type t on t.oid = a.atttypid "
                + "join pg_class r on r.oid = a.attrelid join pg_namespace n on n.oid = r.relnamespace "
                + "where n.nspname = ? and r.relname = ? and a.attnum > 0 and not a.attisdropped order by a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    int mod = rs.getInt(3);
                    boolean sized = type.equals("varchar") || type.equals("bpchar");
                    out.add(new DbColumn(rs.getString(1), type, sized && mod >= 4 ? mod - 4 : -1, rs.getBoolean(4),
                            rs.getString(5)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("table " + schema + "." + table + " has no columns in the database");
        }
        return out;
    }
}
