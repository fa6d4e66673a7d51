// node-redis createCluster in the topology-change loop of topology_loop.js.
// Usage: node node_redis_topology_loop.js SLOT HOST:PORT...
const { createCluster } = require('redis');
const { runLoop, fail } = require('./topology_loop');

async function main() {
  const slot = Number(process.argv[2]);
  const cluster = createCluster({
    rootNodes: process.argv.slice(3).map((address) => ({ url: `redis://${address}` })),
  });
  const errors = [];
  cluster.on('error', (error) => errors.push(`event: ${error.message}`));
  await cluster.connect();
  await runLoop({
    set: (key, value) => cluster.set(key, value),
    get: (key) => cluster.get(key),
    owner: () => `${cluster.slots[slot].master.host}:${cluster.slots[slot].master.port}`,
  }, errors);
  await cluster.close();
}

main().catch(fail);
