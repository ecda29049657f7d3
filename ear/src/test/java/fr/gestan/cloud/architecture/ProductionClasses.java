package fr.gestan.cloud.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The EJB modules' production classes (on the test class path, tests left out), loaded once for the reflection
 * checks of this package: every bean's timers, tenant parameters, validation marker.
 */
final class ProductionClasses {

    private static List<Class<?>> loaded;

    private ProductionClasses() {
    }

    static synchronized List<Class<?>> reflected() {
        if (loaded == null) {
            loaded = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("fr.gestan.cloud").stream().<Class<?>>map(JavaClass::reflect).toList();
        }
        return loaded;
    }
}
