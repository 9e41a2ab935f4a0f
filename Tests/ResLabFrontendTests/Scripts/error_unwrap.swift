let table = ["a": 1]
print(table["a"]!)        // expect: 1
print(table["b"]!)
// expect error: 3:17: unexpectedly found nil while unwrapping an Optional value
