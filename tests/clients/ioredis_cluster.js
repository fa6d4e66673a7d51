// ioredis Cluster against the sandbox, then a cross-slot MGET that must fail with CROSSSLOT.
// Usage: node ioredis_cluster.js HOST:PORT...
const { Cluster } = require('ioredis');

async function main() {
  const nodes = process.argv.slice(2).map((address) => {
    const at = address.lastIndexOf(':');
    return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
  });
  const cluster = new Cluster(nodes, { enableOfflineQueue: true });
  await cluster.set('foo', 'bar');
  console.log(await cluster.get('foo'));
  try {
    await cluster.mget('a', 'b');
    console.log('mget succeeded');
  } catch (error) {
    console.log(error.message);
  }
  cluster.disconnect();
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
