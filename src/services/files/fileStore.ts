import { Readable } from 'node:stream';
import { mongo, type Connection } from 'mongoose';
import { NotFoundError } from '../errors';
import { FileRejectedError } from './errors';
import { AcceptedType, safeFileName, sniffType } from './fileTypes';

/**
 * A file moves at the pace of whoever sends or downloads it, so its stream gets a bound of its own
 * for the whole transfer instead of the per-operation MONGODB_TIMEOUT_MS.
 */
const TRANSFER_TIMEOUT_MS = 120_000;

/** GridFS bucket of the files customers send; `<bucket>.files` holds the metadata the retention rules name. */
export const FILE_BUCKET = 'customer_files';

export interface StoredFile {
  id: string;
  name: string;
  contentType: AcceptedType;
  size: number;
  uploadedAt: Date;
}

export interface NewFile {
  data: Buffer;
  /** As the channel gave it; only a cleaned version is kept. */
  name?: string;
  conversationKey: string;
}

interface FileMetadata {
  conversationKey: string;
  contentType: AcceptedType;
}

/**
 * Images and PDFs customers send for the agent, in MongoDB GridFS: size and type checked by content
 * before anything is stored, listed per conversation, erased with the customer (the retention
 * rules delete the metadata; removeOrphans then the content).
 */
export class FileStore {
  constructor(
    private readonly connection: Connection,
    private readonly maxBytes: number,
  ) {}

  private bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.connection.db!, { bucketName: FILE_BUCKET });
  }

  async put(file: NewFile): Promise<StoredFile> {
    if (file.data.length === 0) throw new FileRejectedError('empty', 'the file is empty');
    if (file.data.length > this.maxBytes)
      throw new FileRejectedError('tooLarge', `the file is larger than ${this.maxBytes} bytes`);
    const contentType = sniffType(file.data);
    if (!contentType) throw new FileRejectedError('type', 'only JPEG, PNG, WebP images and PDF documents are accepted');
    const name = safeFileName(file.name, contentType);
    const metadata: FileMetadata = { conversationKey: file.conversationKey, contentType };
    const upload = this.bucket().openUploadStream(name, { metadata, timeoutMS: TRANSFER_TIMEOUT_MS });
    await new Promise<void>((resolve, reject) => {
      Readable.from([file.data]).pipe(upload).on('finish', resolve).on('error', reject);
    });
    return { id: upload.id.toString(), name, contentType, size: file.data.length, uploadedAt: new Date() };
  }

  /** The files of some conversations, oldest first. */
  async list(conversationKeys: string[]): Promise<StoredFile[]> {
    if (conversationKeys.length === 0) return [];
    const docs = await this.bucket()
      .find({ 'metadata.conversationKey': { $in: conversationKeys } })
      .sort({ uploadDate: 1 })
      .toArray();
    return docs.map(toStoredFile);
  }

  /** One file's metadata and content. */
  async open(id: string): Promise<{ file: StoredFile; conversationKey: string; content: Readable }> {
    if (!mongo.ObjectId.isValid(id) || String(new mongo.ObjectId(id)) !== id) throw new NotFoundError('file', id);
    const _id = new mongo.ObjectId(id);
    const doc = (await this.bucket().find({ _id }).limit(1).toArray())[0];
    if (!doc) throw new NotFoundError('file', id);
    return {
      file: toStoredFile(doc),
      conversationKey: (doc.metadata as FileMetadata).conversationKey,
      content: this.bucket().openDownloadStream(_id, { timeoutMS: TRANSFER_TIMEOUT_MS }),
    };
  }

  /** Deletes the content of files whose metadata the retention rules removed. */
  async removeOrphans(): Promise<number> {
    const db = this.connection.db!;
    const chunkFiles = await db.collection(`${FILE_BUCKET}.chunks`).distinct('files_id');
    if (chunkFiles.length === 0) return 0;
    const present = await db
      .collection(`${FILE_BUCKET}.files`)
      .find({ _id: { $in: chunkFiles } }, { projection: { _id: 1 } })
      .toArray();
    const kept = new Set(present.map((d) => String(d._id)));
    const orphans = chunkFiles.filter((id) => !kept.has(String(id)));
    if (orphans.length === 0) return 0;
    await db.collection(`${FILE_BUCKET}.chunks`).deleteMany({ files_id: { $in: orphans } });
    return orphans.length;
  }
}

function toStoredFile(doc: mongo.GridFSFile): StoredFile {
  const metadata = doc.metadata as FileMetadata;
  return {
    id: doc._id.toString(),
    name: doc.filename,
    contentType: metadata.contentType,
    size: doc.length,
    uploadedAt: doc.uploadDate,
  };
}
