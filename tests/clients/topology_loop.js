// The write loop the node clients run while the cluster's topology changes, with the protocol of
// redis_py_topology_loop.py: SET/GET rounds over 1,000 keys until STOP_FILE exists, one more round,
// then a check that every key holds its last written value. Prints "ready" once connected, then one
// JSON line: rounds, errors (requests that failed and were retried by this loop), mismatches (a GET
// that did not return the value just written), bad_keys (final check), keys, owner (the client's
// node for the slot) and a few error samples.
const fs = require('fs');

const KEYS = 1000;
// A request that fails this many times in a row ends the run: the topology change never settled.
const MAX_ATTEMPTS = 50;

async function runLoop(stopFile, client) {
  let errors = 0;
  let mismatches = 0;
  const samples = [];
  const written = new Map();
  const attempt = async (operation) => {
    for (let tried = 0; tried < MAX_ATTEMPTS; tried += 1) {
      try {
        return await operation();
      } catch (error) {
        errors += 1;
        if (samples.length < 5) samples.push(error.message);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    throw new Error(`gave up after ${MAX_ATTEMPTS} attempts: ${samples}`);
  };
  const oneRound = async (round) => {
    for (let index = 0; index < KEYS; index += 1) {
      const key = `loop:${index}`;
      const value = `${round}:${index}`;
      await attempt(() => client.set(key, value));
      written.set(key, value);
      if ((await attempt(() => client.get(key))) !== value) mismatches += 1;
    }
  };
  console.log('ready');
  let rounds = 0;
  while (!fs.existsSync(stopFile)) {
    await oneRound(rounds);
    rounds += 1;
  }
  await oneRound(rounds);
  rounds += 1;
  let badKeys = 0;
  for (const [key, value] of written) {
    if ((await attempt(() => client.get(key))) !== value) badKeys += 1;
  }
  console.log(JSON.stringify({
    rounds, errors, mismatches, bad_keys: badKeys, keys: written.size, owner: client.owner(), samples,
  }));
}

function fail(error) {
  console.error(`error: ${error.message}`);
  process.exit(1);
}

module.exports = { runLoop, fail };
