package fr.gestan.cloud.it.support;

import jakarta.annotation.security.PermitAll;

/**
 * Base of the {@code As*} beans: each subclass only declares, with {@code @RunAs}, the role its calls carry.
 */
// @PermitAll here too: a class-level annotation of a subclass does not cover methods inherited from its superclass,
// and WildFly denies methods without permissions (call() was refused for every As* bean).
@PermitAll
public abstract class RoleCaller {

    public <T> T call(Call<T> call) throws Exception {
        return call.call();
    }
}
