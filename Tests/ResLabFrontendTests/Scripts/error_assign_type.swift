var count = 1
count = 2.5
// expect error: 2:9: cannot assign value of type 'Double' to type 'Int'
