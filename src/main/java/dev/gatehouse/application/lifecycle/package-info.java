/**
 * Start-up and housekeeping: schema migration, the bootstrap file, the demo on the embedded default ({@link
 * dev.gatehouse.application.lifecycle.Startup} runs them in order), and the purge of expired rows in small batches on
 * a timer ({@link dev.gatehouse.application.lifecycle.PurgeScheduler}, {@link
 * dev.gatehouse.application.lifecycle.PurgeBatches}).
 */
package dev.gatehouse.application.lifecycle;
