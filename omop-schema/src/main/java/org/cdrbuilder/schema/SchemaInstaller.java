package org.cdrbuilder.schema;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Creates the release tables in a database by applying the schema changelog with Liquibase.
 * Applying twice is a no-op (Liquibase records what it ran).
 */
public final class SchemaInstaller {
    private SchemaInstaller() {
    }

    /**
     * Applies the changelog.
     *
     * @param connection an open JDBC connection; not closed by this method
     * @param labels a Liquibase label filter, e.g. {@code "!constraints"} for tables without foreign keys,
     *               or {@code null} for everything
     */
    public static void install(Connection connection, String labels) {
        requireNonNull(connection, "connection is null");
        try {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(SchemaInstaller.class.getClassLoader())), () -> {
                CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CdrSchema.CHANGELOG);
                if (labels != null) {
                    update.addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labels);
                }
                update.execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot apply schema changelog: " + e.getMessage(), e);
        }
    }
}
