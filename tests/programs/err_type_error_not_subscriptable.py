# TypeError when indexing an int
scores = {'ann': 10, 'bob': 7}
print('ann scored', scores['ann'])
best = 0
for name in scores:
    if scores[name] > best:
        best = scores[name]
print('best', best)
ranking = [best, scores['bob']]
print('ranking', ranking, ranking[0])
print(best[0])
print('never reached')
