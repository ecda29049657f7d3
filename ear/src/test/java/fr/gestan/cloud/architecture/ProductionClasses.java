package fr.gestan.cloud.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The EJB modules' production classes (on the test class path, tests left out), loaded once for the reflection
 * checks of this package: every bean's timers, tenant parameters, validation marker; and, with the web module's, as
 * ArchUnit reads them for the bytecode checks (module boundaries, result streams).
 */
final class ProductionClasses {

    static final String ROOT = "fr.gestan.cloud";

    private static List<Class<?>> loaded;
    private static JavaClasses imported;

    private ProductionClasses() {
    }

    static synchronized List<Class<?>> reflected() {
        if (loaded == null) {
            loaded = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(ROOT).stream().<Class<?>>map(JavaClass::reflect).toList();
        }
        return loaded;
    }

    /** Every production class of the EJB modules and of the web module, as ArchUnit reads them. */
    static synchronized JavaClasses withWeb() {
        if (imported == null) {
            Path web = Path.of(System.getProperty("gestan.web.classes", "../web/target/classes"));
            assertTrue(Files.isDirectory(web), "the web module's classes are needed: " + web.toAbsolutePath());
            // The EJB modules are on the test class path; the web module is a WAR, so its classes are read from disk.
            Set<Location> locations = new HashSet<>(Locations.ofPackage(ROOT));
            locations.add(Location.of(web));
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/it/"))
                    .importLocations(locations);
            assertTrue(imported.size() > 30, "too few classes imported: " + imported.size());
        }
        return imported;
    }
}
