// PostGraphile 5 uses Promise.withResolvers, which Node 20 lacks (it came in Node 22).
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
