package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.persistence.SchemaMigrations;
import fr.gestan.cloud.it.support.Deployments;
import jakarta.annotation.Resource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableConsumer;
import org.hibernate.persister.entity.EntityPersister;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every table and column that the five persistence units map exists in the schema the migrations made: the entities
 * name few columns themselves (the naming strategy derives them from the fields, docs/architecture.md "Entities"), so
 * a field renamed, a strategy changed or a column name that the strategy spells differently (digits, acronyms) fails
 * here at once, on H2 and on PostgreSQL, instead of in the first query that reads the column.
 */
@ExtendWith(ArquillianExtension.class)
class EntityMappingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        // The test reads Hibernate's mapping model
        return Deployments.withHibernate(Deployments.modules(EntityMappingIT.class, "gestan-compliance.jar", "gestan-tenants.jar",
                "gestan-hosting.jar", "gestan-notifications.jar"));
    }

    /** The five persistence units, one per business module that has entities. */
    @PersistenceUnit(unitName = "notifications")
    EntityManagerFactory notifications;
    @PersistenceUnit(unitName = "compliance")
    EntityManagerFactory compliance;
    @PersistenceUnit(unitName = "security")
    EntityManagerFactory security;
    @PersistenceUnit(unitName = "hosting")
    EntityManagerFactory hosting;
    @PersistenceUnit(unitName = "tenants")
    EntityManagerFactory tenants;

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource database;

    @Test
    void every_mapped_table_and_column_exists_in_the_migrated_schema() throws SQLException {
        Map<String, Set<String>> schema = schema();
        Set<String> missing = new TreeSet<>();
        List<String> checked = new ArrayList<>();
        Map<String, EntityManagerFactory> units = Map.of("tenants", tenants, "hosting", hosting, "security", security,
                "compliance", compliance, "notifications", notifications);
        units.forEach((unit, factory) -> {
            int[] entities = {0};
            SelectableConsumer check = (index, column) -> {
                if (column.isFormula()) {
                    return;
                }
                String table = plain(column.getContainingTableExpression());
                String name = plain(column.getSelectionExpression());
                checked.add(table + "." + name);
                Set<String> columns = schema.get(table);
                if (columns == null) {
                    missing.add(unit + ": table " + table);
                } else if (!columns.contains(name)) {
                    missing.add(unit + ": column " + table + "." + name);
                }
            };
            factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
                    (EntityPersister entity) -> {
                        entities[0]++;
                        entity.getIdentifierMapping().forEachSelectable(check);
                        entity.forEachAttributeMapping(attribute -> {
                            if (attribute instanceof PluralAttributeMapping collection) {
                                collection.getKeyDescriptor().getKeyPart().forEachSelectable(check);
                                CollectionPart element = collection.getElementDescriptor();
                                element.forEachSelectable(check);
                                if (collection.getIndexDescriptor() != null) {
                                    collection.getIndexDescriptor().forEachSelectable(check);
                                }
                            } else {
                                attribute.forEachSelectable(check);
                            }
                        });
                    });
            assertTrue(entities[0] > 0, "no entity in persistence unit " + unit);
        });
        System.out.println("EntityMappingIT: " + new HashSet<>(checked).size() + " mapped columns checked");
        assertEquals(Set.of(), missing, "mapped but not in the migrated schema");
        // All 47 entities' columns were walked (a few hundred; the tenant table alone maps 30)
        assertTrue(new HashSet<>(checked).size() > 300, "too few columns checked: " + new HashSet<>(checked).size());
    }

    /**
     * Every named query of the five units translates (HQL parsed and checked against the mapping). The units skip that
     * check at deployment ({@code hibernate.query.startup_check=false} in each {@code persistence.xml}: 4–5 % of the
     * deployment's samples, docs/performance.md 4.12), so this is where a broken query fails, before any page runs it.
     */
    @Test
    void every_named_query_translates() {
        Map<String, EntityManagerFactory> units = Map.of("tenants", tenants, "hosting", hosting, "security", security,
                "compliance", compliance, "notifications", notifications);
        Map<String, String> broken = new TreeMap<>();
        units.forEach((unit, factory) -> {
            SessionFactoryImplementor hibernate = factory.unwrap(SessionFactoryImplementor.class);
            hibernate.getQueryEngine().getNamedObjectRepository().checkNamedQueries(hibernate.getQueryEngine())
                    .forEach((query, error) -> broken.put(unit + ": " + query, String.valueOf(error.getMessage())));
        });
        assertEquals(Map.of(), broken, "named queries that do not translate");
    }

    /**
     * The tables of the application's schema and their columns as the database reports them (H2 upper-cases unquoted
     * names, PostgreSQL lowers them).
     */
    private Map<String, Set<String>> schema() throws SQLException {
        Map<String, Set<String>> tables = new HashMap<>();
        try (Connection connection = database.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                tables.computeIfAbsent(plain(columns.getString("TABLE_NAME")), t -> new HashSet<>())
                        .add(plain(columns.getString("COLUMN_NAME")));
            }
        }
        return tables;
    }

    private static String plain(String identifier) {
        String name = identifier.substring(identifier.lastIndexOf('.') + 1);
        return name.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
