import { Redis } from 'ioredis';

/**
 * Every key of a Redis database with its whole value as text (strings, hashes, lists, sets, sorted
 * sets and streams), to look for what must not stay there.
 *
 * @param url - The Redis to read.
 * @returns One line per key: `key = value...`.
 */
export async function redisContents(url: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys('*');
    return await Promise.all(
      keys.map(async (key) => {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : type === 'stream'
                      ? await redis.xrange(key, '-', '+')
                      : type;
        return `${key} = ${JSON.stringify(value)}`;
      }),
    );
  } finally {
    await redis.quit();
  }
}
