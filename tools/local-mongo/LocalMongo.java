import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.File;

/**
 * Local MongoDB-compatible server for development and tests (see README, "The local database").
 * Usage: java -cp 'lib/*' LocalMongo.java [--host 127.0.0.1] [--port 27017] [--data FILE | --memory] [--exit-with-parent]
 * Prints "LISTENING host:port" on stdout once it accepts connections, so the Node side can wait for it.
 */
public class LocalMongo {
    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 27017;
        String dataFile = null;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> dataFile = args[++i];
                case "--memory" -> dataFile = null;
                case "--exit-with-parent" -> exitWithParent = true;
                default -> {
                    System.err.println("Unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        MongoBackend backend;
        if (dataFile != null) {
            File parent = new File(dataFile).getAbsoluteFile().getParentFile();
            if (parent != null && !parent.exists() && !parent.mkdirs()) {
                System.err.println("Cannot create data folder " + parent);
                System.exit(2);
            }
            backend = new H2Backend(dataFile);
        } else {
            backend = new MemoryBackend();
        }
        MongoServer server = new MongoServer(backend);
        // The oplog makes change streams available, as on a real replica set.
        server.enableOplog();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
        }));
        server.bind(host, port);
        System.out.println("LISTENING " + host + ":" + port);
        System.out.flush();
        if (exitWithParent) {
            // The parent holds our stdin open; when it dies, even by SIGKILL, stdin closes and we follow.
            while (System.in.read() != -1) {
                // ignore input
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
