package fr.gestan.cloud.it.support;

import jakarta.annotation.security.PermitAll;

/**
 * Base of the {@code As*} beans: each subclass only declares, with {@code @RunAs}, the role its calls carry.
 */
@PermitAll // a class-level annotation covers only the methods declared in that class: call() is declared here
public abstract class RoleCaller {

    public <T> T call(Call<T> call) throws Exception {
        return call.call();
    }
}
