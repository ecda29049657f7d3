package fr.gestan.cloud.web.i18n;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which bundle an injected {@link Messages} speaks from: the {@code var} of a {@code <resource-bundle>} of
 * faces-config.xml, e.g. {@code @Inject @Bundle("smsg") Messages messages;}. Without it, the main bundle {@code msg}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Bundle {

    String value();
}
