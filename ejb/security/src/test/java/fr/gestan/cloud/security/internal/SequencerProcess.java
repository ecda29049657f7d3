package fr.gestan.cloud.security.internal;

import java.sql.DriverManager;

/**
 * A sequencer in its own JVM, for {@link SequencerKillTest}: {@code url user password holder leaseMs pauseMs}.
 * With {@code pauseMs > 0} it prints {@code IN_BATCH} and sleeps inside each non-empty batch, before commit, so that
 * the test can kill it there. Prints {@code NOT_HOLDER} while another holds the lease, {@code SEQUENCED n} after each batch.
 */
public final class SequencerProcess {

    private SequencerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        long pause = Long.parseLong(args[5]);
        LogSequencer sequencer = new LogSequencer(() -> DriverManager.getConnection(url, user, password),
                new SingletonLease(LogSequencer.LEASE, args[3], Long.parseLong(args[4]), System::currentTimeMillis),
                LogSequencerTest.MAC_KEY, System::currentTimeMillis, 100, 60_000);
        sequencer.beforeCommit = () -> {
            if (pause > 0) {
                System.out.println("IN_BATCH");
                System.out.flush();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        while (true) {
            LogSequencer.Batch batch = sequencer.runOnce();
            System.out.println(batch.sequenced() < 0 ? "NOT_HOLDER" : "SEQUENCED " + batch.sequenced() + " " + batch.treeSize());
            System.out.flush();
            Thread.sleep(50);
        }
    }
}
