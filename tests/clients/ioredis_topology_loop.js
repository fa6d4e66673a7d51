// ioredis Cluster in the topology-change loop of topology_loop.js.
// Usage: node ioredis_topology_loop.js STOP_FILE SLOT HOST:PORT...
const { Cluster } = require('ioredis');
const { runLoop, fail } = require('./topology_loop');

async function main() {
  const [stopFile, slotArg] = process.argv.slice(2, 4);
  const slot = Number(slotArg);
  const nodes = process.argv.slice(4).map((address) => {
    const at = address.lastIndexOf(':');
    return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
  });
  const cluster = new Cluster(nodes, { enableOfflineQueue: true });
  // Connection events are reported by the commands that fail (counted by the loop).
  cluster.on('error', () => {});
  await runLoop(stopFile, {
    set: (key, value) => cluster.set(key, value),
    get: (key) => cluster.get(key),
    owner: () => cluster.slots[slot][0],
  });
  cluster.disconnect();
}

main().catch(fail);
