package fr.gestan.cloud.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, read from its table: a module uses another only through its {@code api}
 * package, and only in the allowed direction (so module dependencies cannot form a cycle).
 */
class ModuleBoundariesTest {

    static final String ROOT = ProductionClasses.ROOT;

    /** Which modules each module may use (through their public API): the table of docs/architecture.md. */
    static final Map<String, Set<String>> ALLOWED = ModuleRules.read(
            Path.of(System.getProperty("gestan.architecture.doc", "../docs/architecture.md")));

    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = ProductionClasses.withWeb();
    }

    @Test
    void no_module_reaches_into_another_modules_internals() {
        for (String module : ALLOWED.keySet()) {
            noClasses().that().resideOutsideOfPackage(ROOT + "." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + "." + module + ".internal..")
                    .because("other modules use " + module + " through its api package only")
                    .check(classes);
        }
    }

    @Test
    void modules_depend_only_in_the_allowed_directions() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String from = moduleOf(javaClass.getPackageName());
            javaClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                String to = moduleOf(dependency.getTargetClass().getPackageName());
                if (from != null && to != null && !from.equals(to) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(javaClass.getName() + " -> " + dependency.getTargetClass().getName());
                }
            });
        }
        assertTrue(violations.isEmpty(), "forbidden module dependencies:\n" + String.join("\n", violations));
    }

    @Test
    void module_dependencies_have_no_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void every_project_package_belongs_to_a_module_of_the_table() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String module = moduleOf(javaClass.getPackageName());
            if (module != null && !ALLOWED.containsKey(module)) {
                unknown.add(module);
            }
        }
        assertTrue(unknown.isEmpty(), "packages of modules missing from docs/architecture.md's table: " + unknown);
    }

    @Test
    void the_allowed_directions_themselves_form_no_cycle() {
        for (String start : ALLOWED.keySet()) {
            assertTrue(!reaches(start, start, new TreeSet<>()), "cycle through " + start);
        }
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : ALLOWED.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    static String moduleOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
