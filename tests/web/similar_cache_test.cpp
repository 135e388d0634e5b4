#include "search/similar_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace foilog::web {
namespace {

std::vector<SimilarHit> hits_for(std::int64_t id) {
  return {SimilarHit{id + 100, {{"reference", "FOI " + std::to_string(id)}}}};
}

TEST(SimilarCache, RemembersWhatItWasGiven) {
  SimilarCache cache(10);
  EXPECT_FALSE(cache.find(7));
  cache.remember(7, hits_for(7));
  const auto found = cache.find(7);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ((*found)[0].id, 107);
  EXPECT_EQ((*found)[0].data["reference"], "FOI 7");
  cache.remember(8, {});  // "no similar responses" is an answer too
  ASSERT_TRUE(cache.find(8));
  EXPECT_TRUE(cache.find(8)->empty());
}

TEST(SimilarCache, StaysWithinItsCapacityDroppingTheOldestFirst) {
  SimilarCache cache(3);
  for (std::int64_t id = 1; id <= 5; ++id) {
    cache.remember(id, hits_for(id));
  }
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_FALSE(cache.find(1));
  EXPECT_FALSE(cache.find(2));
  EXPECT_TRUE(cache.find(3));
  EXPECT_TRUE(cache.find(5));
  cache.remember(5, {});  // already known: kept as first worked out
  EXPECT_EQ(cache.find(5)->size(), 1U);
  SimilarCache off(0);
  off.remember(1, hits_for(1));
  EXPECT_FALSE(off.find(1));
}

TEST(SimilarCache, IsSafeToShareBetweenRequestThreads) {
  SimilarCache cache(64);
  std::vector<std::jthread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (std::int64_t i = 0; i < 500; ++i) {
        const std::int64_t id = (i * 7 + t) % 100;
        if (const auto found = cache.find(id)) {
          EXPECT_EQ((*found)[0].id, id + 100);
        } else {
          cache.remember(id, hits_for(id));
        }
      }
    });
  }
  threads.clear();
  EXPECT_LE(cache.size(), 64U);
}

}  // namespace
}  // namespace foilog::web
