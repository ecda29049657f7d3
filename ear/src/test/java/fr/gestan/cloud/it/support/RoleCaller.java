package fr.gestan.cloud.it.support;

/**
 * Base of the {@code As*} beans: each subclass only declares, with {@code @RunAs}, the role its calls carry.
 */
public abstract class RoleCaller {

    public <T> T call(Call<T> call) throws Exception {
        return call.call();
    }
}
