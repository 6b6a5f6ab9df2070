import yaml,sys,collections
for f in sys.argv[1:]:
    d=yaml.safe_load(open(f))
    keys={}
    for n in d['nodes']:
        assert isinstance(n['key'],str),(f,n)
        assert n['key'] not in keys,(f,n['key'])
        keys[n['key']]=n
        if n['kind']=='Agency': assert n.get('country'),(f,n['key'])
        assert n['kind'] in 'State Agency UNBody Organization Person Project Roadmap Meeting'.split(),(f,n)
        assert all(isinstance(x,str) for x in n['names']),(f,n)
    for e in d.get('edges',[])+d.get('optional_edges',[]):
        assert e[0] in 'MEMORANDUM PARTICIPATED_IN FUNDED IMPLEMENTS PARTY_TO PART_OF MEMBER_OF AFFILIATED_WITH HELD_UNDER ADOPTED_AT'.split(),(f,e)
        assert e[1] in keys and e[2] in keys,(f,e)
    req=[n for n in d['nodes'] if not n.get('optional')]
    for e in d.get('edges',[]):
        assert not keys[e[1]].get('optional') and not keys[e[2]].get('optional'),("required edge to optional node",f,e)
    c=collections.Counter(n['kind'] for n in req); ce=collections.Counter(e[0] for e in d.get('edges',[]))
    print(f, len(req), len(d.get('edges',[])), dict(c), dict(ce), 'opt', len(d['nodes'])-len(req), len(d.get('optional_edges',[])))
