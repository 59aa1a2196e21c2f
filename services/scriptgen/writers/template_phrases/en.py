"""English phrases for the template writer."""

from . import join_with, percent

SENTENCE_GAP = " "


def join_list(items: list[str]) -> str:
    return join_with(items, " and ")


def format_percent(score: float) -> str:
    return percent(score)


GREETING = [
    "Hello {name}, and welcome to your Dailycast! This is your personal learning podcast for today, "
    "made just for you. Get comfortable, maybe grab a cup of tea, and let's spend the next few minutes learning together.",
    "Good to have you here, {name}! Welcome to today's Dailycast, the podcast that follows your own studies. "
    "I'm your host, and for the next few minutes it's just the two of us and some good learning.",
    "Hi {name}, welcome back to Dailycast! Every episode is put together around what you are studying right now, "
    "so everything you hear today is about your courses, your progress and your next steps.",
    "Hey {name}, it's great to be with you again! This is Dailycast, your daily learning companion. "
    "Find a quiet spot, take a deep breath, and let's make today's few minutes really count.",
]

INTRO_COURSES = [
    "Since you study {courses}, today's episode is built around exactly that. "
    "We'll go through your courses one by one, spend a little extra time where it matters most, "
    "and at the end I'll ask you three questions to think about.",
    "Since you study {courses}, I've prepared a plan that fits your week. "
    "First a short look at each course, then some focused practice, a study technique, "
    "and finally three questions for you to answer.",
    "Since you study {courses}, there is plenty to talk about today. "
    "We'll connect the dots between your courses, look at your recent results, "
    "and finish with three questions that help you remember what you've learned.",
]

INTRO_NO_COURSES = [
    "You aren't enrolled in a course right now, so today is all about learning how to learn. "
    "We'll talk about habits that make studying easier, a technique you can try today, "
    "and at the end I'll ask you three questions to think about.",
    "Today's episode is a general study session, because you haven't picked a course yet. "
    "That's a perfect moment to build strong habits, so we'll look at how memory works, "
    "how to plan your study time, and we'll finish with three questions.",
    "Right now you don't have any courses on your list, so let's use this time well. "
    "We'll focus on study skills you can take into any subject later, "
    "and I'll close with three questions that get you thinking.",
]

LEVEL_INTRO = {
    "beginner": [
        "You're at the beginning of your learning journey, and that's a wonderful place to be. "
        "We'll take things step by step, keep the explanations simple, and focus on the basics. "
        "Don't worry about being perfect; every expert started exactly where you are now.",
        "Because you're just getting started, we'll go slowly today and build a solid foundation. "
        "I'll explain things in plain words and give you small, easy steps. "
        "Remember, asking simple questions is the smartest thing a beginner can do.",
    ],
    "intermediate": [
        "You already have a good grasp of the basics, so today we'll go a little deeper. "
        "We'll look at how ideas fit together and where the common mistakes hide. "
        "This is the stage where steady practice turns knowledge into real skill.",
        "You've moved past the first steps, and it shows in your work. "
        "Today we'll build on what you know, compare ideas, and practise applying them to new problems. "
        "Keep pushing a little beyond your comfort zone.",
    ],
    "advanced": [
        "You're working at an advanced level, so I won't repeat the basics. "
        "Today we'll focus on depth: trade-offs, edge cases, and the reasons behind the rules. "
        "At your level, the real gains come from explaining ideas precisely and challenging your own assumptions.",
        "Your results show real mastery, so today's episode aims higher. "
        "We'll think about why things work, when they break, and how experts decide between alternatives. "
        "Try to connect each idea to something you could teach to someone else.",
    ],
}

COURSE_SEGMENT = [
    "Let's look at {course}. Think back to your last lesson: what was the main idea? "
    "Say it to yourself in one sentence. If you can do that, you really understood it.",
    "Here's a thought for {course}. A good habit here is to review your notes within a day of each lesson. "
    "Ten minutes of review today saves an hour of relearning next week.",
    "Now a word about {course}. Try to find one small example from everyday life that matches what you're learning. "
    "Examples turn abstract ideas into something you can picture.",
    "Let's turn to {course}. Pick one topic from it that still feels fuzzy and write down what exactly is unclear. "
    "Naming the problem is already half of the solution.",
    "Time for {course}. When you study it this week, try closing the book and recalling the key points from memory first. "
    "It feels harder, but that effort is what makes knowledge stick.",
    "Let's think about {course} for a moment. Give it a short, regular slot in your day, even fifteen minutes. "
    "Small, steady sessions beat one long session at the end of the week.",
]

COURSE_BRIEF = [
    "In {course}, review the main idea of your last lesson.",
    "For {course}, recall three key points from memory.",
    "In {course}, find one everyday example of what you learned.",
    "For {course}, write down one thing that is still unclear.",
    "In {course}, plan a short review session this week.",
    "For {course}, explain the last topic out loud in one minute.",
]

WEAK_INTRO = [
    "Now let's give some extra attention to the area where you can grow the most: {subjects}. "
    "Finding something difficult is not a bad sign; it simply shows where your next progress will come from.",
    "Here's where we'll slow down a little today: {subjects}. "
    "Your recent quizzes show this needs more practice, and with a clear plan it will get easier.",
    "Let's talk about {subjects}, because this is where a bit of focused work will pay off the most. "
    "Struggling with a topic is a normal part of learning it.",
]

WEAK_SEGMENT = [
    "For {subject}, try this: pick one key concept, explain it in your own words on paper, "
    "then check your explanation against your notes. Wherever your words and your notes disagree, that's your next study target.",
    "With {subject}, short daily practice works better than cramming. "
    "Do three small exercises a day for a week, and mark the ones you get wrong so you can come back to them on the weekend.",
    "A concrete plan for {subject}: go back to your last quiz, look at each question you missed, "
    "and find the exact step where your thinking went wrong. Then try a similar exercise without looking at the answer.",
    "To make progress in {subject}, build a small set of flashcards with the terms and rules that trip you up. "
    "Go through them for five minutes every morning, and move the cards you know well to the back of the pile.",
]

WEAK_BRIEF = [
    "For {subject}, do three short exercises a day this week.",
    "In {subject}, revisit every quiz question you missed.",
    "For {subject}, make flashcards of the rules that trip you up.",
    "In {subject}, explain one key concept in your own words.",
]

NO_WEAK = [
    "Good news: none of your subjects stands out as a weak spot right now. "
    "So the goal today is to keep your level steady and stretch yourself with slightly harder material.",
    "Right now there's no subject that's clearly holding you back, which is great. "
    "Use that freedom to go deeper into the topics you enjoy the most.",
    "Your results are nicely balanced across subjects at the moment. "
    "Keep reviewing regularly so it stays that way, and don't be afraid to try harder exercises.",
]

SCORES_INTRO = [
    "Now, let's look at your latest quiz results.",
    "Let's take a quick look at how your recent quizzes went.",
    "Time for a short look at your most recent scores.",
]

SCORE_COMMENT = {
    "low": [
        "In {subject} you scored {score}. That's a starting point, not a verdict; "
        "go through the mistakes calmly and you'll see the next score go up.",
        "You got {score} in {subject}. It wasn't your best day there, but every wrong answer shows you exactly what to practise next.",
        "Your {subject} quiz came back at {score}. Don't be discouraged; review it this week and try a few similar questions.",
    ],
    "mid": [
        "In {subject} you scored {score}, which is solid. With a little more review you can push that even higher.",
        "You reached {score} in {subject}. Good work; now look at the questions you missed and you'll close the gap.",
        "Your {subject} quiz came in at {score}. That's real progress, so keep the momentum going.",
    ],
    "high": [
        "In {subject} you scored an excellent {score}. Well done, that's the result of real effort.",
        "You got {score} in {subject}. Fantastic! Try explaining that topic to someone else to lock it in.",
        "Your {subject} quiz shows {score}. That's a great result, so be proud of it and aim for the same consistency next time.",
    ],
}

NO_SCORES = [
    "I don't have any quiz results from you yet, and that's perfectly fine. "
    "Your first quiz will simply show us where you are, so there's nothing to fear.",
    "There are no recent quiz scores to look at today. "
    "When you take your next quiz, treat it as practice rather than a test of your worth.",
    "We don't have quiz results yet, so there's nothing to grade today. "
    "Just focus on understanding, and the scores will follow.",
]

TECHNIQUE = [
    "Today's study technique is active recall. Instead of rereading your notes, close them and ask yourself what you remember. "
    "Write it down, then open your notes and check. Every time you pull information out of your memory, "
    "you make it stronger and easier to find next time.",
    "Today's study technique is spaced repetition. Review a topic today, again in two days, then after a week, "
    "and once more after two weeks. Each review comes just before you would forget, "
    "and that timing is what moves knowledge into long-term memory.",
    "Today's study technique is the Feynman method. Choose a topic and explain it as if you were teaching a twelve-year-old. "
    "Whenever you get stuck or use a complicated word, go back to your material. "
    "Simple explanations reveal exactly what you haven't understood yet.",
    "Today's study technique is interleaving. Instead of practising one type of problem for an hour, "
    "mix two or three different types in one session. It feels slower at first, "
    "but it trains your brain to choose the right method, which is exactly what a quiz asks of you.",
    "Today's study technique is the Pomodoro method. Set a timer for twenty-five minutes and study with full focus, "
    "phone away. Then take a five-minute break. After four rounds, take a longer break. "
    "Short, focused blocks keep your mind fresh.",
    "Today's study technique is self-testing. Before you start a new chapter, write three questions about the last one "
    "and answer them without notes. Testing yourself is not just a way to measure learning; "
    "it is one of the best ways to learn.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "If that sounds like a lot, start small: use it once today with a single topic and see how it feels.",
        "Don't try to do it perfectly. Even one short round today is a great first step.",
    ],
    "intermediate": [
        "At your stage, try combining it with your weakest topic this week, and notice which parts are harder to recall.",
        "Use it on a topic you think you know well; you may find small gaps worth fixing.",
    ],
    "advanced": [
        "At your level, push it further: apply it to the tricky edge cases and compare two approaches side by side.",
        "For you, the challenge is precision. Use it to test whether you can state the exact conditions under which each rule holds.",
    ],
}

EXTRA = [
    "Here's a memory tip. Your brain remembers stories far better than lists. "
    "When you learn a set of facts, try to link them into a little story, even a silly one. "
    "The stranger the picture in your head, the easier it is to recall later.",
    "A word about sleep. Much of what you learn during the day is sorted and stored while you sleep. "
    "So a late-night study session that cuts your sleep short can actually make you remember less. "
    "A rested brain is a learning brain.",
    "Let's talk about motivation. It's normal not to feel motivated every day. "
    "The trick is to rely on habits instead of mood: study at the same time and in the same place, "
    "and starting will slowly become automatic.",
    "Here's a small reflection for today. Think of one thing you understand now that you didn't understand a month ago. "
    "That is proof that your effort works. Hold on to that feeling when things get difficult.",
    "A quick tip about your study space. Keep your desk simple and put your phone in another room while you study. "
    "Every notification pulls your attention away, and it takes several minutes to get your focus fully back.",
    "Let's talk about mistakes. A wrong answer is one of the most useful things that can happen while you learn, "
    "because it shows you exactly where your understanding needs work. "
    "People who learn fastest are often the ones who look at their mistakes most closely.",
    "Here's an idea for your notes. After each lesson, write a short summary of three sentences in your own words. "
    "At the end of the week, read only those summaries. You'll be surprised how much comes back.",
    "Try this reflection: when did you last feel really focused while studying? "
    "What time of day was it, where were you, and what had you just done? "
    "Try to recreate those conditions this week.",
    "A note about breaks. Your brain keeps working on a problem even when you step away from it. "
    "If you're stuck, take a short walk or get a glass of water, then come back. "
    "The solution often appears when you stop forcing it.",
    "Here's something encouraging. Learning is not a straight line; it comes in waves. "
    "Some days you'll feel you're not moving at all, and then suddenly things click. "
    "Those quiet days are when your brain is quietly building connections.",
    "One more memory tip: teach what you learn. Explaining a topic to a friend, a family member, "
    "or even to your pet forces you to organize your thoughts. "
    "If you can teach it, you truly know it.",
    "Let's think about planning. At the start of each week, write down two or three small goals, "
    "such as finishing one chapter or redoing one quiz. "
    "Clear, small goals are much easier to reach than a vague wish to study more.",
    "A thought about curiosity. Before you open your material, ask yourself one question you'd like it to answer. "
    "Reading with a question in mind keeps you alert, and the answer, once you find it, "
    "stays with you much longer than facts you simply scrolled past.",
    "Here's a tip about reading. Don't highlight everything; it feels productive, but it mostly isn't. "
    "Read a section first, then close the book and write down the two ideas that matter most. "
    "Only then go back and check whether you were right.",
    "Let's talk about stress before a quiz. A little nervousness is normal and can even help you focus. "
    "Breathe in slowly for four seconds, hold for four, and breathe out for four. "
    "Doing this a few times calms your body and clears your head.",
    "A reflection prompt for today: what is one question you were too shy to ask in class? "
    "Write it down now. Tomorrow, ask your teacher, look it up, or bring it to a study group. "
    "Questions you leave unanswered tend to grow into bigger gaps.",
    "Here's a memory trick called the memory palace. Picture a place you know well, like your home, "
    "and put each idea you want to remember in a different room. "
    "Later, take a mental walk through the rooms and collect the ideas one by one.",
    "Let's talk about studying with others. Explaining things in a small group, or listening to how a classmate "
    "solved a problem, shows you new ways of thinking. Even one short session a week can make a real difference.",
    "A word about rest days. Taking one lighter day a week is not laziness; it helps you stay motivated for the long run. "
    "On that day, maybe just review your summaries or listen to this podcast, and let your mind recharge.",
    "Here's a way to start when you don't feel like studying: promise yourself just five minutes. "
    "Open your notes, read one page, and see how it goes. "
    "Getting started is the hardest part, and once you begin, you'll often want to keep going.",
]

COURSE_TIP = {
    "beginner": [
        "A simple tip for {course}: after each lesson, write down the three most important words you heard "
        "and one sentence about what each of them means. It's a small habit that builds a strong base.",
        "For {course}, don't be afraid to watch or read an explanation twice. "
        "The second time, you'll notice things you missed, and that's completely normal at the start.",
    ],
    "intermediate": [
        "For {course}, try this: take a problem you've already solved and change one detail. "
        "Does your solution still work? Playing with variations is how you move from following steps to understanding them.",
        "A tip for {course}: compare two ideas from it that look similar and write down how they differ. "
        "Clear distinctions are what separate good answers from great ones.",
    ],
    "advanced": [
        "For {course}, challenge yourself to find the limits of what you learned: "
        "where does the standard approach fail, and what would an expert do instead? "
        "Thinking about the edge cases is what deepens real mastery.",
        "In {course}, try to justify each rule rather than just apply it. "
        "If you can explain why a method is designed the way it is, you can adapt it to problems nobody has shown you.",
    ],
}

CONNECTION = [
    "Here's something interesting: {course} and {course2} have more in common than you might think. "
    "Look for an idea that shows up in both, and notice how each course uses it. "
    "Connections like that make both subjects easier to remember.",
    "Try linking {course} with {course2} this week. Ask yourself how something you learned in one "
    "could help you solve a problem in the other. That kind of thinking is what turns separate facts into real understanding.",
    "When you study {course}, keep {course2} in the back of your mind. "
    "Knowledge from different courses often supports each other, and spotting that overlap is a skill in itself.",
]

QUESTIONS_INTRO = [
    "And now it's your turn. I'm going to ask you three questions. "
    "Take your time with each one; there's no rush, and thinking it through is the whole point.",
    "Now comes the part where you do the talking. Here are three questions for today. "
    "Answer in your own words; it doesn't have to be perfect.",
    "Let's finish with three questions. They help you turn what you've heard into something you really remember, "
    "so give each one a moment of real thought.",
]

QUESTION_LEAD = [
    ["Here is your first question. {question}", "Let's begin with question one. {question}"],
    ["Now the second question. {question}", "On to question number two. {question}"],
    ["And here is the third and final question. {question}", "Last but not least, question three. {question}"],
]

THINK_PROMPT = [
    "Take a moment to think, then write your answer in the form.",
    "Pause here for a moment, think it over, and then write your answer in the form.",
    "Give yourself a little time to think, and then put your answer into the form.",
    "Think about it calmly, and when you're ready, write your answer in the form.",
]

RECAP = [
    "Let's recap. Today we looked at your courses, gave extra attention to the topics that need it, "
    "tried a new study technique, and finished with three questions. That's a lot of good work for one short episode.",
    "A quick summary before we go: we reviewed your studies, talked about where to focus your energy, "
    "and practised thinking in your own words. Small daily steps like these add up faster than you expect.",
    "So, to sum up: you reviewed what you're learning, picked up a technique to try, "
    "and answered three questions. Come back to today's tips whenever you sit down to study.",
]

SIGNOFF = [
    "That's it for today, {name}. Thank you for listening, and I'll see you in tomorrow's episode. Keep up the great work!",
    "Thanks for spending this time with me, {name}. Be kind to yourself, keep going, and I'll talk to you tomorrow. Bye for now!",
    "Great job today, {name}. Remember, a little every day goes a long way. Until tomorrow, happy studying!",
    "That's all for this episode, {name}. I'm proud of the work you're putting in. See you tomorrow on Dailycast!",
]

QUESTIONS = {
    "course": [
        {
            "text": "In your own words, what is the most important idea you learned recently in {course}?",
            "key_points": ["names one specific idea from {course}", "explains it in their own words", "says why it matters"],
        },
        {
            "text": "Can you describe a real-world situation where something you learned in {course} would be useful?",
            "key_points": ["a concrete real-world situation", "links it to a topic from {course}"],
        },
        {
            "text": "What is one topic in {course} that still feels unclear to you, and how could you make it clearer?",
            "key_points": ["names a specific unclear topic", "a concrete plan to understand it better"],
        },
        {
            "text": "If you had to teach a friend the basics of {course} in two minutes, what would you tell them first?",
            "key_points": ["picks the core ideas of {course}", "explains them simply and in a sensible order"],
        },
    ],
    "weak": [
        {
            "text": "What is one concrete thing you will do this week to get better at {subject}?",
            "key_points": ["a specific, realistic action", "when or how often they will do it"],
        },
        {
            "text": "Which part of {subject} causes you the most trouble, and why do you think that is?",
            "key_points": ["names a specific difficulty in {subject}", "a thoughtful reason for it"],
        },
        {
            "text": "Think of a mistake you made recently in {subject}. What would you do differently next time?",
            "key_points": ["describes the mistake", "a better approach for next time"],
        },
    ],
    "connect": [
        {
            "text": "How could something you learned in {course} help you in {course2}?",
            "key_points": ["an idea from {course}", "how it applies in {course2}"],
        },
        {
            "text": "What do {course} and {course2} have in common, and where are they most different?",
            "key_points": ["one real similarity", "one clear difference"],
        },
    ],
    "general": [
        {
            "text": "Which study technique from today would you like to try first, and when will you try it?",
            "key_points": ["names a technique", "a concrete time to try it"],
        },
        {
            "text": "What is one thing you learned recently that you are proud of, and how did you learn it?",
            "key_points": ["a specific thing they learned", "how they learned it"],
        },
        {
            "text": "What usually distracts you when you study, and what could you change to avoid it?",
            "key_points": ["a specific distraction", "a realistic change"],
        },
        {
            "text": "What would you like to be able to do a month from now, and what is your first step towards it?",
            "key_points": ["a clear goal", "a concrete first step"],
        },
    ],
}
