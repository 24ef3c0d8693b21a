'use strict';
// restify requires spdy when it loads but calls it only for servers created with options.spdy,
// which Lotse never sets. The real spdy loads http-deceiver, which reads
// process.binding('http_parser'): removed in Node 24, so restify would not even load there.
// package.json's "overrides" puts this module in its place.
function createServer() {
  throw new Error('SPDY servers are not supported in Lotse (spdy is replaced by tools/spdy-unused)');
}

module.exports = { createServer };
