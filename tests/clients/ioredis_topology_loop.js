// ioredis Cluster in the topology-change loop of topology_loop.js.
// Usage: node ioredis_topology_loop.js SLOT HOST:PORT...
const { Cluster } = require('ioredis');
const { runLoop, fail } = require('./topology_loop');

async function main() {
  const slot = Number(process.argv[2]);
  const nodes = process.argv.slice(3).map((address) => {
    const at = address.lastIndexOf(':');
    return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
  });
  const cluster = new Cluster(nodes, { enableOfflineQueue: true });
  const errors = [];
  cluster.on('error', (error) => errors.push(`event: ${error.message}`));
  await runLoop({
    set: (key, value) => cluster.set(key, value),
    get: (key) => cluster.get(key),
    owner: () => cluster.slots[slot][0],
  }, errors);
  cluster.disconnect();
}

main().catch(fail);
