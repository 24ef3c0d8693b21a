import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

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
            backend = new IdLookupMemoryBackend();
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

/**
 * mongo-java-server uses an index only when a query names exactly the index's fields, so a
 * guarded single-document write ({_id: x, status: "processing"}, {_id: x, eTag: y}) scans the
 * whole collection: on the benchmark's WhatsApp workload that was about 80 % of the database's
 * CPU, growing with every message stored. MongoDB finds such a document through the _id index
 * and checks the rest on it; this collection does the same (the memory backend only).
 */
class IdLookupMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupMemoryDatabase(databaseName, getCursorRegistry());
    }
}

class IdLookupMemoryDatabase extends MemoryDatabase {
    IdLookupMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IdLookupMemoryCollection(this, collectionName, options, cursorRegistry);
    }
}

class IdLookupMemoryCollection extends MemoryCollection {
    IdLookupMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                             CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = query.get("_id");
        // A plain _id value (no operator document, no pattern) next to other conditions: the
        // document with that _id, if any, is the only candidate; the whole query is then matched on it.
        if (query.size() > 1 && id != null && !(id instanceof Document) && !BsonRegularExpression.isRegularExpression(id)) {
            Document byId = new Document("_id", id);
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    // mongo-java-server runs queries and writes under the collection's lock but changes its list
    // of indexes outside it: a find or insert while another connection creates an index (Lotse's
    // models create theirs in the background at start) failed with a ConcurrentModificationException,
    // "Unknown error: null" to the client. Index changes take the same lock.
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }
}
