/**
 * Gatehouse's settings. Each {@code GATEHOUSE_*} setting is a {@link dev.gatehouse.infrastructure.config.Setting}
 * declared next to the field it fills (name, default, one line), grouped per feature in small typed objects, and read
 * only through {@link dev.gatehouse.infrastructure.config.SettingsReader}: the one class that knows MicroProfile
 * Config, converts values and names the setting in every start-up error. No other class uses MicroProfile Config's
 * API or the environment, and the README's settings tables equal the declarations (tests keep both so).
 *
 * <p>To add a setting: declare it as a {@code static final Setting} in the typed object of its feature, read it there
 * through the reader, and add its row to the README's table (the test names what is missing).
 */
package dev.gatehouse.infrastructure.config;
